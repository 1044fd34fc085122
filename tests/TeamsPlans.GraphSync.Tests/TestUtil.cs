using System.Text.RegularExpressions;
using TeamsPlans.GraphSync.Tests.Fakes;

namespace TeamsPlans.GraphSync.Tests;

public static partial class TestUtil
{
    [GeneratedRegex(@"\b(task|plan|bucket|list|item|col|s)\d+\b")] private static partial Regex IdRx();
    [GeneratedRegex(@"b!drive\d+")] private static partial Regex DriveRx();

    /// <summary>"METHOD /path" lines in server order, sub-requests indented, ids replaced by {kind}.</summary>
    public static List<string> Sequence(IEnumerable<RecordedRequest> requests) =>
        requests.OrderBy(r => r.Seq).Select(r => DriveRx().Replace(IdRx().Replace(r.ToString(), m => "{" + m.Groups[1].Value + "}"), "{drive}")).ToList();

    public static string Dump(IEnumerable<string> lines) => string.Join("\n", lines);

    public static void SequenceEqual(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        Assert.True(expected.SequenceEqual(actual), $"Expected:\n{Dump(expected)}\n\nActual:\n{Dump(actual)}");
    }

    public static IEnumerable<string> Times(int n, string line) => Enumerable.Repeat(line, n);
}
