using System.Diagnostics;
using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Parsing;
using TeamsPlans.Plans.Reading;

/// <summary>
/// `parse [--seconds N] [--seeds DIR] [--corpus DIR] [--no-ocr]`: the full PlanReader pipeline from bytes (decoding,
/// legacy check, extraction, normalization, parsing), measured after a warm-up round (JIT, regex construction):
/// 1. the seed plans over and over for N seconds (default 5): documents/s, ms/document, allocation, per-seed ms;
/// 2. a large plan (~2 MB of text: a seed repeated, with a paragraph of citations in every copy) read once after a warm-up;
/// 3. every document of tests/fixtures/corpus once (after one warm-up pass): documents/s, ms each, the slowest;
/// and the peak working set of the process.
/// </summary>
internal static class ParseBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 5.0;
        var ocr = true;
        string? dir = Environment.GetEnvironmentVariable("TEAMSPLANS_SEEDS");
        string? corpus = Environment.GetEnvironmentVariable("TEAMSPLANS_CORPUS");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds" && i + 1 < args.Length) seconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--seeds" && i + 1 < args.Length) dir = args[++i];
            else if (args[i] == "--corpus" && i + 1 < args.Length) corpus = args[++i];
            else if (args[i] == "--no-ocr") ocr = false;
        }
        dir ??= Locate("seeds");
        corpus ??= Locate("corpus");
        if (dir is null || !Directory.Exists(dir))
        {
            Console.Error.WriteLine("Không tìm thấy thư mục seeds / Seed folder not found (use --seeds DIR or TEAMSPLANS_SEEDS).");
            return 1;
        }
        var files = Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
        if (files.Count == 0) { Console.Error.WriteLine($"No *.txt in {dir}"); return 1; }
        var reader = new PlanReader();
        var inv = CultureInfo.InvariantCulture;

        // Warm-up (JIT, regex construction): two rounds before anything is timed.
        for (var w = 0; w < 2; w++)
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
        var rounds = Math.Max(1, docs / files.Count);

        var texts = files.Select(f => TextDecoder.Decode(f.Bytes, out _)).ToList();
        var sw2 = Stopwatch.StartNew();
        long docs2 = 0;
        while (sw2.Elapsed.TotalSeconds < Math.Max(1, seconds / 2))
            foreach (var t in texts) { PlanParser.Parse(t); docs2++; }
        sw2.Stop();

        Console.WriteLine(string.Create(inv, $"parse benchmark: {files.Count} seed plans, {corpusBytes / 1024.0:0.0} KB, {seconds:0.#} s after a 2-round warm-up"));
        Console.WriteLine(string.Create(inv, $"  PlanReader (bytes → PlanDocument): {docs / sw.Elapsed.TotalSeconds:0.0} documents/s, {sw.Elapsed.TotalMilliseconds / docs:0.00} ms/document, {corpusBytes * rounds / 1024.0 / 1024.0 / sw.Elapsed.TotalSeconds:0.00} MB/s"));
        Console.WriteLine(string.Create(inv, $"  PlanParser.Parse (text → PlanDocument): {docs2 / sw2.Elapsed.TotalSeconds:0.0} documents/s"));
        for (var i = 0; i < files.Count; i++)
            Console.WriteLine(string.Create(inv, $"    {files[i].Name}: {perFile[i] / rounds:0.00} ms"));
        Console.WriteLine(string.Create(inv, $"  allocated: {alloc / (double)docs / 1024.0 / 1024.0:0.00} MB/document (GC.GetTotalAllocatedBytes)"));

        // Large document: ~2 MB of plan text with citations in every copy (the shape that was quadratic).
        var large = LargePlan(texts[0], 2 * 1024 * 1024);
        var largeBytes = Encoding.UTF8.GetBytes(large);
        var bigReader = new PlanReader(PlanReaderOptions.Default with { MaxTextChars = large.Length + 1 });
        await bigReader.ReadAsync(new MemoryStream(largeBytes), "large.txt");
        var times = new List<double>();
        for (var r = 0; r < 3; r++)
        {
            var t = Stopwatch.StartNew();
            var lp = await bigReader.ReadAsync(new MemoryStream(largeBytes), "large.txt");
            t.Stop();
            times.Add(t.Elapsed.TotalMilliseconds);
            if (lp.LegalBases.Count == 0) throw new InvalidOperationException("large plan: no bases read");
        }
        Console.WriteLine(string.Create(inv, $"  large plan ({large.Length / 1024.0 / 1024.0:0.00} M chars, {largeBytes.Length / 1024.0 / 1024.0:0.00} MB): median {times.Order().ElementAt(1):0} ms of 3 (after one warm-up read)"));

        // The real-plan corpus, every format.
        if (corpus is not null && Directory.Exists(corpus))
        {
            var docsC = Directory.EnumerateFiles(corpus).Where(f => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(f), @"^\d{3}_") && !f.EndsWith(".json", StringComparison.Ordinal))
                .Where(f => f.EndsWith(".docx", StringComparison.Ordinal) || f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
            var cReader = new PlanReader(PlanReaderOptions.Default with { UseOcr = ocr });
            foreach (var f in docsC) { try { await cReader.ReadAsync(new MemoryStream(f.Bytes), f.Name); } catch (PlanReadException) { } }
            var each = new List<(string Name, double Ms, string? Error)>();
            var total = Stopwatch.StartNew();
            foreach (var f in docsC)
            {
                var t = Stopwatch.StartNew();
                string? error = null;
                try { await cReader.ReadAsync(new MemoryStream(f.Bytes), f.Name); }
                catch (PlanReadException ex) { error = ex.Code.ToString(); }
                each.Add((f.Name, t.Elapsed.TotalMilliseconds, error));
            }
            total.Stop();
            Console.WriteLine(string.Create(inv, $"  corpus ({docsC.Count} documents, {docsC.Sum(f => f.Bytes.Length) / 1024.0 / 1024.0:0.0} MB, OCR {(ocr ? "on" : "off")}): {docsC.Count / total.Elapsed.TotalSeconds:0.00} documents/s, {total.Elapsed.TotalMilliseconds / Math.Max(1, docsC.Count):0} ms/document"));
            foreach (var g in each.GroupBy(e => Path.GetExtension(e.Name)).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine(string.Create(inv, $"    {g.Key}: {g.Count()} documents, mean {g.Average(e => e.Ms):0.0} ms, max {g.Max(e => e.Ms):0.0} ms ({g.MaxBy(e => e.Ms).Name})"));
            foreach (var e in each.Where(e => e.Error is not null))
                Console.WriteLine($"    refused: {e.Name} ({e.Error})");
        }
        else Console.WriteLine("  corpus: tests/fixtures/corpus not found (use --corpus DIR)");

        using var proc = Process.GetCurrentProcess();
        proc.Refresh();
        Console.WriteLine(string.Create(inv, $"  peak working set: {proc.PeakWorkingSet64 / 1024.0 / 1024.0:0.0} MB (Process.PeakWorkingSet64)"));
        return 0;
    }

    /// <summary>A plan of about <paramref name="chars"/> characters: the seed's header and title, then its body repeated,
    /// each copy after a "Căn cứ" paragraph citing forty documents.</summary>
    private static string LargePlan(string seed, int chars)
    {
        var k = Math.Max(0, seed.IndexOf("Căn cứ", StringComparison.Ordinal));
        var body = seed[k..];
        var sb = new StringBuilder(seed[..Math.Max(0, k)]);
        var n = 0;
        var cites = new StringBuilder("Căn cứ ");
        for (var i = 1; i <= 40; i++) cites.Append(CultureInfo.InvariantCulture, $"Kế hoạch số {i}/KH-SGDĐT ngày 01/02/2024 của Sở Giáo dục và Đào tạo về việc tổ chức hoạt động; ");
        cites.Append('\n');
        sb.Append(cites);
        while (sb.Length < chars)
        {
            sb.Append(body).Append('\n');
            if (++n % 3 == 0) sb.Append(cites);
        }
        return sb.ToString();
    }

    private static string? Locate(string name)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                foreach (var c in new[] { Path.Combine(d.FullName, "tests", "fixtures", name), Path.Combine(d.FullName, "shared", name) })
                    if (Directory.Exists(c)) return c;
            }
        return null;
    }
}
