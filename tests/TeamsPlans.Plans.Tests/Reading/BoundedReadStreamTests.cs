using TeamsPlans.Plans.Reading;

namespace TeamsPlans.Plans.Tests.Reading;

/// <summary>The bound on decompressed bytes actually read from a .docx part (issue 13 item 4): counted on reads, not
/// on what the zip declares.</summary>
public class BoundedReadStreamTests
{
    [Fact]
    public void Reads_up_to_the_limit_and_throws_the_given_error_past_it()
    {
        var data = new byte[10_000];
        using var s = new BoundedReadStream(new MemoryStream(data), 8_192, () => new InvalidDataException("too large"));
        var buffer = new byte[4_096];
        Assert.Equal(4_096, s.Read(buffer, 0, buffer.Length));
        Assert.Equal(4_096, s.Read(buffer.AsSpan()));
        Assert.Equal(8_192, s.Position);
        var e = Assert.Throws<InvalidDataException>(() => s.Read(buffer, 0, buffer.Length));
        Assert.Equal("too large", e.Message);
    }

    [Fact]
    public async Task A_stream_within_the_limit_reads_to_its_end()
    {
        var data = new byte[5_000];
        await using var s = new BoundedReadStream(new MemoryStream(data), 5_000, () => new InvalidDataException("too large"));
        var copy = new MemoryStream();
        await s.CopyToAsync(copy);
        Assert.Equal(5_000, copy.Length);
    }
}
