namespace TeamsPlans.Plans.Model;

public enum Recurrence { Yearly, Semiannual, Quarterly, Monthly }
