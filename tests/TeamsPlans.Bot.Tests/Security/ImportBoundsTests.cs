using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using TeamsPlans.Bot.Conversation;
using TeamsPlans.Bot.Imports;
using TeamsPlans.Plans.Model;
using TeamsPlans.Plans.Reading;
using static TeamsPlans.Bot.Tests.Conversation.BotHarness;

namespace TeamsPlans.Bot.Tests.Security;

/// <summary>Wraps the reader the queue runs, and records how many reads run at once and whether they were cancelled.</summary>
internal sealed class CountingReader(IPlanDocumentReader inner) : IPlanDocumentReader
{
    private int _running;
    public int Peak;
    public int Calls;
    public ConcurrentQueue<bool> SawCancellation { get; } = new();
    /// <summary>When set, every read waits for it (so the test decides when the queue's slot frees up).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct)
    {
        Interlocked.Increment(ref Calls);
        var now = Interlocked.Increment(ref _running);
        lock (this) Peak = Math.Max(Peak, now);
        try
        {
            if (Gate is { } gate) await gate.Task.WaitAsync(ct);
            return await inner.ReadAsync(content, name, ct);
        }
        catch (OperationCanceledException) { SawCancellation.Enqueue(true); throw; }
        finally { Interlocked.Decrement(ref _running); }
    }
}

/// <summary>A reader that works until it is cancelled (stands in for a long extraction that honours cancellation).</summary>
internal sealed class EndlessReader : IPlanDocumentReader
{
    public async Task<PlanDocument> ReadAsync(Stream content, string name, CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>Issue 13 item 4 (bot side): imports through a bounded queue with a deadline that cancels the work.</summary>
public sealed class ImportBoundsTests
{
    [Fact]
    public async Task Three_concurrent_imports_of_the_in_limits_docx_bomb_run_one_at_a_time_and_each_gets_a_clear_answer()
    {
        CountingReader? counter = null;
        // The reads are held until the third request has been refused, so "one running, one waiting, one refused" does
        // not depend on how fast the machine reads the bomb.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await StartAsync(new Dictionary<string, string>
        {
            ["Roles:Principals:0"] = Hung.Aad, ["Imports:MaxConcurrent"] = "1", ["Imports:MaxWaiting"] = "1", ["Imports:Timeout"] = "00:02:00",
        }, s => s.AddKeyedSingleton<IPlanDocumentReader>(BoundedPlanDocumentReader.InnerKey,
            (_, _) => counter = new CountingReader(new LibraryPlanDocumentReader()) { Gate = gate }));
        var (fileBytes, xmlBytes) = DocxBomb.Write(Path.Combine(h.LibraryDir, "2023", "bom-kehoach.docx"));
        var limits = PlanReaderOptions.Default;
        Assert.True(fileBytes <= limits.MaxFileBytes && fileBytes < 6 * 1024 * 1024, $"{fileBytes} bytes");
        Assert.True(xmlBytes <= limits.MaxUncompressedBytes && xmlBytes > 190L * 1024 * 1024, $"{xmlBytes} bytes of XML");
        Assert.True((double)xmlBytes / fileBytes < limits.MaxCompressionRatio);
        await h.InstallAsync(Hung);
        var before = h.Connector.Posts.Count;

        var says = Enumerable.Range(0, 3).Select(_ => Task.Run(() => h.SayAsync(Hung, "nhập kế hoạch bom-kehoach"))).ToList();
        for (var wait = 0; wait < 600 && !h.Connector.Posts.Skip(before).Any(p => p.Body.ToJsonString().Contains("many plans at once", StringComparison.Ordinal)); wait++)
            await Task.Delay(100);
        gate.TrySetResult();
        await Task.WhenAll(says);

        var plain = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var replies = h.Connector.Posts.Skip(before).Select(p => p.Body.ToJsonString(plain)).ToList();
        Assert.Equal(3, replies.Count);
        Assert.NotNull(counter);
        Assert.True(counter!.Peak <= 1, $"{counter.Peak} reads at once");
        Assert.Equal(1, h.Services.GetRequiredService<ImportQueue>().PeakRunning);
        // One was refused at once (the line was full); the others were read one after the other and refused for their size.
        Assert.Equal(2, counter.Calls);
        Assert.Single(replies, r => r.Contains("importing many plans at once", StringComparison.Ordinal));
        // The reader's own refusal (text limit) or the queue's deadline, quoted in the bot's "could not read" notice.
        Assert.Equal(2, replies.Count(r => r.Contains("Không đọc được tệp", StringComparison.Ordinal) && r.Contains("bom-kehoach", StringComparison.Ordinal)
            && !r.Contains("importing many plans at once", StringComparison.Ordinal)));
        Assert.Empty(await h.Store.Plans.ListAsync(Tenant));
    }

    [Fact]
    public async Task The_deadline_cancels_the_work_and_the_member_is_told()
    {
        CountingReader? counter = null;
        await using var h = await StartAsync(new Dictionary<string, string> { ["Imports:Timeout"] = "00:00:01" },
            s => s.AddKeyedSingleton<IPlanDocumentReader>(BoundedPlanDocumentReader.InnerKey, (_, _) => counter = new CountingReader(new EndlessReader())));
        await h.InstallAsync(Hung);
        var before = h.Connector.Posts.Count;
        await h.SayAsync(Hung, "nhập kế hoạch 001");
        var reply = h.Connector.Posts.Skip(before).Select(p => p.Body.ToJsonString()).Single();
        Assert.Contains("took longer than 1 s and was stopped", reply, StringComparison.Ordinal);
        Assert.Single(counter!.SawCancellation);
        Assert.Equal(0, h.Services.GetRequiredService<ImportQueue>().Running);
    }
}
