namespace TeamsPlans.Plans.Units;

/// <summary>
/// A unit's duty passed on inside the unit: the head (or one who manages) gave it to <see cref="HolderName"/> with a note.
/// The assignment stays the unit's (its state, reports and history go on); cards say "Giao cho Tổ Toán – do tổ trưởng phân công".
/// </summary>
/// <param name="ByName">Who passed it on.</param>
/// <param name="ByHead">True when the one who passed it held it as the unit's head (or contact), false for a principal's reassignment.</param>
/// <param name="HolderName">Who holds it now.</param>
/// <param name="Note">The note given with it, when any.</param>
public sealed record UnitHandOver(string ByName, bool ByHead, string HolderName, string? Note);
