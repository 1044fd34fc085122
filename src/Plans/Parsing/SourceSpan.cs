namespace TeamsPlans.Plans.Parsing;

/// <summary>Where an extracted item's source sentence sits in the document's text: UTF-16 offset and length.</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
