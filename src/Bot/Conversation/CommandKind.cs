using System.Text.RegularExpressions;
using TeamsPlans.Plans.Parsing;

namespace TeamsPlans.Bot.Conversation;

public enum CommandKind { Help, Status, NotAcknowledged, Deadlines, MyTasks, Import, Rollup, Resend, Language, Unknown }
