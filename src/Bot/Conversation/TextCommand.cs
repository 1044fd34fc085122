using System.Text.RegularExpressions;

namespace TeamsPlans.Bot.Conversation;

/// <summary>A chat command: kind and argument (plan number for status, file name for import, plan number and/or year for the
/// roll-up; "vi", "en" or "auto" for the card language) as the user typed it.</summary>
public sealed record TextCommand(CommandKind Kind, string? Argument, string Text);
