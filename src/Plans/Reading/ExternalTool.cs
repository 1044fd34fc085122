using System.Diagnostics;
using System.Text;

namespace TeamsPlans.Plans.Reading;

/// <summary>
/// Runs a local command-line tool (poppler's pdftotext / pdftoppm, tesseract) as a process: arguments passed as a list
/// (no shell), stdout read as UTF-8, killed with its children on cancellation or after the time limit.
/// </summary>
internal static class ExternalTool
{
    /// <summary>Full path of <paramref name="name"/> in PATH (or /usr/bin), or null when it is not installed.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin");
        foreach (var d in dirs)
        {
            var f = Path.Combine(d, name);
            if (File.Exists(f)) return f;
        }
        return null;
    }

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string exe, IEnumerable<string> args, TimeSpan limit, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            CreateNoWindow = true
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var stdout = p.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = p.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            p.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(exe)} took longer than {limit.TotalSeconds:0} s.");
        }
        return new Result(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
