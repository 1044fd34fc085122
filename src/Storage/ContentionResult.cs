namespace TeamsPlans.Storage;

/// <summary>Saved: stored now; Unchanged: the change changes nothing (a second click); NotFound; NotSaved: the retry budget was spent.</summary>
public enum ContentionResult { Saved, Unchanged, NotFound, NotSaved }
