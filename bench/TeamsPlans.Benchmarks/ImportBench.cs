using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Imports;
using TeamsPlans.Plans.Reading;

/// <summary>
/// `import [--imports N] [--concurrent N] [--timeout S]`: the worst document the reader allows (the in-limits .docx bomb
/// of the security tests: ≈ 4.9 MB, 195 MiB of XML), imported N times at once (default 4) through the bot's
/// <see cref="ImportQueue"/> (default 2 at a time). Prints the bomb's sizes, each import's outcome and time, the peak
/// working set sampled every 20 ms, and the queue's peak concurrency.
/// </summary>
internal static class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int imports = 4, concurrent = 2;
        var timeout = 30.0;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--imports" && i + 1 < args.Length) imports = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--concurrent" && i + 1 < args.Length) concurrent = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--timeout" && i + 1 < args.Length) timeout = double.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        var dir = Directory.CreateTempSubdirectory("teamsplans-bench-import-").FullName;
        try
        {
            var path = Path.Combine(dir, "bom-kehoach.docx");
            var (fileBytes, xmlBytes) = TeamsPlans.Bot.Tests.Security.DocxBomb.Write(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"document: {fileBytes / 1e6:0.0} MB file, {xmlBytes / 1048576.0:0} MiB XML, ratio {(double)xmlBytes / fileBytes:0.0} (limits: {PlanReaderOptions.Default.MaxFileBytes / 1048576} MiB, {PlanReaderOptions.Default.MaxUncompressedBytes / 1048576} MiB, ratio {PlanReaderOptions.Default.MaxCompressionRatio})"));
            var queue = new ImportQueue(Options.Create(new ImportOptions { MaxConcurrent = concurrent, MaxWaiting = imports, Timeout = TimeSpan.FromSeconds(timeout) }),
                TimeProvider.System, NullLogger<ImportQueue>.Instance);
            var reader = new BoundedPlanDocumentReader(new LibraryPlanDocumentReader(), queue);
            GC.Collect();
            var baseline = Environment.WorkingSet;
            long peak = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Environment.WorkingSet);
                    try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            var sw = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, imports).Select(async i =>
            {
                var t = Stopwatch.StartNew();
                try
                {
                    await using (var file = File.OpenRead(path))
                        await reader.ReadAsync(file, Path.GetFileName(path), CancellationToken.None);
                    return (i, "read", t.Elapsed);
                }
                catch (PlanReadException e) { return (i, e.Code + ": " + e.MessageEn, t.Elapsed); }
            }));
            await stop.CancelAsync();
            await sampler;
            foreach (var (i, outcome, elapsed) in results)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import {i}: {elapsed.TotalSeconds:0.0} s — {outcome}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{imports} imports, {concurrent} at a time: {sw.Elapsed.TotalSeconds:0.0} s; working set {baseline / 1048576.0:0} MiB before, peak {peak / 1048576.0:0} MiB; queue peak {queue.PeakRunning} at once"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
