namespace TeamsPlans.Storage;

[Flags]
public enum MemberRoles { None = 0, Member = 1, CommitteeHead = 2, Principal = 4, Admin = 8 }
