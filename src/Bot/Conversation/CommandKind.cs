using System.Text.RegularExpressions;

namespace TeamsPlans.Bot.Conversation;

public enum CommandKind { Help, Status, NotAcknowledged, Deadlines, MyTasks, Import, Rollup, Resend, Language, Unknown }
