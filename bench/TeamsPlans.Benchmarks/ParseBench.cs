using System.Diagnostics;
using System.Globalization;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Reading;

/// <summary>
/// `parse [--seconds N] [--seeds DIR]`: parses the seed corpus over and over (full PlanReader pipeline from bytes:
/// decoding, legacy check, normalization, parsing) for N seconds (default 5) after a warm-up, and prints documents per
/// second, mean latency, allocation per document, peak working set.
/// </summary>
internal static class ParseBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 5.0;
        string? dir = Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--seeds" && i + 1 < args.Length) dir = args[++i];
        }
        dir ??= Locate();
        if (dir is null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("Không tìm thấy thư mục seeds / Seed folder not found (use --seeds DIR or TEAMSPLANS_SEEDS).");
            return 1;
        }
        var files = Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"No *.txt in {dir}"); return 1; }
        var reader = new PlanReader();

        // Warm-up (JIT, regex construction).
        foreach (var f in files) await reader.ReadAsync(new MemoryStream(f.Bytes), f.Name);

        var corpusBytes = files.Sum(f => f.Bytes.Length);
        GC.Collect();
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        long docs = 0;
        var perFile = new double[files.Count];
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < files.Count; i++)
            {
                var t0 = sw.Elapsed.TotalMilliseconds;
                var p = await reader.ReadAsync(new MemoryStream(files[i].Bytes), files[i].Name);
                perFile[i] += sw.Elapsed.TotalMilliseconds - t0;
                if (p.Sections.Count == 0) throw new InvalidOperationException("no sections");
                docs++;
            }
        }
        sw.Stop();
        var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
        var rounds = docs / files.Count;

        // Parser alone (text already decoded).
        var texts = files.Select(f => TextDecoder.Decode(f.Bytes, out _)).ToList();
        var sw2 = Stopwatch.StartNew();
        long docs2 = 0;
        while (sw2.Elapsed.TotalSeconds < Math.Max(1, seconds / 2))
            foreach (var t in texts) { PlanParser.Parse(t); docs2++; }
        sw2.Stop();

        using var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"parse benchmark: {files.Count} seed plans, {corpusBytes / 1024.0:0.0} KB, {seconds:0.#} s"));
        Console.WriteLine(string.Create(inv, $"  PlanReader (bytes → PlanDocument): {docs / sw.Elapsed.TotalSeconds:0.0} documents/s, {sw.Elapsed.TotalMilliseconds / docs:0.00} ms/document, {corpusBytes * rounds / 1024.0 / 1024.0 / sw.Elapsed.TotalSeconds:0.00} MB/s"));
        Console.WriteLine(string.Create(inv, $"  PlanParser.Parse (text → PlanDocument): {docs2 / sw2.Elapsed.TotalSeconds:0.0} documents/s"));
        for (var i = 0; i < files.Count; i++)
            Console.WriteLine(string.Create(inv, $"    {files[i].Name}: {perFile[i] / rounds:0.00} ms"));
        Console.WriteLine(string.Create(inv, $"  allocated: {alloc / (double)docs / 1024.0 / 1024.0:0.00} MB/document (GC.GetTotalAllocatedBytes)"));
        Console.WriteLine(string.Create(inv, $"  peak working set: {proc.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MB (Process.PeakWorkingSet64)"));
        return 0;
    }

    private static string? Locate()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                foreach (var c in new[] { Path.Combine(d.FullName, "tests", "fixtures", "seeds"), Path.Combine(d.FullName, "shared", "seeds") })
                    if (Directory.Exists(c)) return c;
            }
        return null;
    }
}
