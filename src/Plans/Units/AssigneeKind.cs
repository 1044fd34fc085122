using System.Text.Json.Serialization;

namespace TeamsPlans.Plans.Units;

/// <summary>What an assignee stands for: a named person, a role (a post of the issuer), one unit, or a set of units.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssigneeKind>))]
public enum AssigneeKind { Person, Role, Unit, UnitSet }
