using System.Globalization;
using System.Text;
using TeamsPlans.Plans.Reading;
using Xunit.Abstractions;

namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>
/// Every document of tests/fixtures/corpus read through <see cref="PlanReader"/> and scored against its label
/// (<see cref="CorpusScorer"/>); prints a per-document and per-format table (test output and artifacts/corpus-score.md).
/// Fails under a mean of 0.95 or with any document under 0.80.
/// </summary>
public class CorpusScoringTests(ITestOutputHelper output)
{
    public const double MeanTarget = 0.95;
    public const double DocumentFloor = 0.80;

    /// <summary>The level the reader has reached (mean 0.84 on 1 December 2026, 0.878, 0.902, 0.94, then 0.951 on 2 December 2026; the floor sits
    /// 0.02 under it so one document hitting the 30 s read limit on a loaded build machine does not turn it red): the
    /// corpus may only get better. Raise it as the reader improves; the target stays <see cref="MeanTarget"/>.</summary>
    public const double ReachedMean = 0.93;

    // The target test, red today: the mean is 0.951 over 43 documents (docx 0.99, pdf 0.97, txt 0.97, md 0.98, scanned
    // pdf 0.69; assignments 0.86 is the weakest field), but two scans stay under the 0.80 floor: 211 (0.44) and 212 (0.57),
    // whose numbers, days and signers are handwritten or stamped over.
    // Remove Skip when it passes; the table is written to artifacts/corpus-score.md and the mismatches to
    // artifacts/corpus-diff.md.
    [Fact(Skip = "Corpus below target: mean 0.951 over 43 documents, but scans 211 (0.44) and 212 (0.57) are under the 0.80 floor; "
        + "Corpus_keeps_the_level_reached runs meanwhile")]
    public async Task Corpus_scores_at_least_095_mean_and_080_per_document()
    {
        var rows = await ScoreAsync();
        var mean = rows.Average(r => r.Score.Mean);
        var low = rows.Where(r => r.Score.Mean < DocumentFloor).Select(r => $"{r.Label.File} {r.Score.Mean:0.00}").ToList();
        Assert.True(mean >= MeanTarget && low.Count == 0,
            string.Create(CultureInfo.InvariantCulture, $"corpus mean {mean:0.000} (target {MeanTarget}); documents under {DocumentFloor}: {(low.Count == 0 ? "none" : string.Join(", ", low))}\n{Table(rows)}"));
    }

    /// <summary>Runs on every build: the same scoring, failing if the corpus mean falls below the level reached.</summary>
    [Fact]
    public async Task Corpus_keeps_the_level_reached()
    {
        var rows = await ScoreAsync();
        var mean = rows.Average(r => r.Score.Mean);
        Assert.True(rows.Count >= 30, $"{rows.Count} corpus documents; at least 30 expected");
        Assert.True(mean >= ReachedMean,
            string.Create(CultureInfo.InvariantCulture, $"corpus mean {mean:0.000} fell below the level reached ({ReachedMean})\n{Table(rows)}"));
    }

    private async Task<List<(CorpusLabel Label, CorpusScorer.Score Score)>> ScoreAsync()
    {
        var docs = CorpusFiles.All();
        Assert.True(docs.Count > 0, $"No *.expected.json under tests/fixtures/corpus (looked from {AppContext.BaseDirectory}; set TEAMSPLANS_CORPUS).");
        var reader = new PlanReader();
        var rows = new List<(CorpusLabel Label, CorpusScorer.Score Score)>();
        var diff = new StringBuilder();
        foreach (var (labelPath, docPath) in docs)
        {
            var label = CorpusLabel.Load(labelPath);
            CorpusScorer.Score score;
            try
            {
                var plan = await reader.ReadFileAsync(docPath);
                score = CorpusScorer.Rate(label.Expected, plan);
                CorpusDiff.Append(diff, label, plan, score);
            }
            catch (PlanReadException ex)
            {
                score = CorpusScorer.Failed(ex.Message);
            }
            rows.Add((label, score));
        }
        var table = Table(rows);
        output.WriteLine(table);
        WriteArtifact("corpus-score.md", "# Corpus score\n\n" + table);
        WriteArtifact("corpus-diff.md", "# Corpus: expected against parsed, fields under 1\n\n" + diff);
        return rows;
    }

    internal static string Table(List<(CorpusLabel Label, CorpusScorer.Score Score)> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| document | format | kind | " + string.Join(" | ", CorpusScorer.Fields) + " | mean |");
        sb.AppendLine("|---|---|---|" + string.Concat(CorpusScorer.Fields.Select(_ => "---|")) + "---|");
        foreach (var (l, s) in rows)
        {
            sb.Append(inv, $"| {l.File} | {l.Format} | {l.Kind} | ");
            foreach (var f in CorpusScorer.Fields) sb.Append(s.Fields[f].ToString("0.00", inv)).Append(" | ");
            sb.Append(s.Mean.ToString("0.00", inv)).Append(" |");
            if (s.Error is not null) sb.Append(" ").Append(s.Error.Replace('\n', ' ').Replace("|", "/"));
            sb.AppendLine();
        }
        sb.AppendLine();
        sb.AppendLine("| format | documents | " + string.Join(" | ", CorpusScorer.Fields) + " | mean |");
        sb.AppendLine("|---|---|" + string.Concat(CorpusScorer.Fields.Select(_ => "---|")) + "---|");
        foreach (var g in rows.GroupBy(r => r.Label.Format).OrderBy(g => g.Key, StringComparer.Ordinal).Append(rows.GroupBy(_ => "all").Single()))
        {
            sb.Append(inv, $"| {g.Key} | {g.Count()} | ");
            foreach (var f in CorpusScorer.Fields) sb.Append(g.Average(r => r.Score.Fields[f]).ToString("0.00", inv)).Append(" | ");
            sb.Append(g.Average(r => r.Score.Mean).ToString("0.00", inv)).AppendLine(" |");
        }
        return sb.ToString();
    }

    private static void WriteArtifact(string name, string content)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!File.Exists(Path.Combine(d.FullName, "TeamsPlans.sln"))) continue;
            var dir = Path.Combine(d.FullName, "artifacts");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name), content);
            return;
        }
    }
}
