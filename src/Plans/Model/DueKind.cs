namespace TeamsPlans.Plans.Model;

public enum DueKind { Date, YearlyDate, Quarter, Month, SchoolYear, Year }
