using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsPlans.Plans.Tests.Corpus;

/// <summary>One *.expected.json of tests/fixtures/corpus (schema: CORPUS-SCHEMA.md), written by reading the document.</summary>
public sealed record CorpusLabel
{
    public string File { get; init; } = "";
    public string Format { get; init; } = "";
    public string Kind { get; init; } = "";
    public List<string> Layout { get; init; } = [];
    public ExpectedFields Expected { get; init; } = new();
    public string? Notes { get; init; }

    public static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static CorpusLabel Load(string path) =>
        JsonSerializer.Deserialize<CorpusLabel>(System.IO.File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty label.");
}

public sealed record ExpectedFields
{
    public string? Number { get; init; }
    public string? Issuer { get; init; }
    public List<string> CoIssuers { get; init; } = [];
    public string? IssuedOn { get; init; }
    public string? Title { get; init; }
    public List<ExpectedBasis> LegalBases { get; init; } = [];
    public List<ExpectedAssignment> Assignments { get; init; } = [];
    public List<ExpectedDeadline> Deadlines { get; init; } = [];
    public List<string> Recipients { get; init; } = [];
    public List<ExpectedSigner> Signers { get; init; } = [];
}

public sealed record ExpectedBasis(string? Number, string? Text);

public sealed record ExpectedAssignment(string Assignee, string? Duty, List<string>? Support);

public sealed record ExpectedDeadline(string Due, string? Recurrence, string? What)
{
    [JsonPropertyName("start")] public string? Start { get; init; }
}

public sealed record ExpectedSigner(string? Name, string? Title);
