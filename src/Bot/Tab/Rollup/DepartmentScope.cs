using TeamsPlans.Bot.Tab.Auth;
using TeamsPlans.Plans.Units;

namespace TeamsPlans.Bot.Tab.Rollup;

/// <summary>
/// Which units of the tenant's directory a caller may see in the department roll-up. A department officer is the head or
/// a contact (object id or UPN, as the directory binds them: never a name) of an overseeing unit — Sở GD&amp;ĐT, a phòng of
/// the Sở (who works for the whole Sở), a Phòng GD&amp;ĐT, a UBND xã/phường — and sees every unit below it; a tenant admin
/// (Roles:Admins) sees the whole directory. The head or contact of a school, centre or group sees only that unit. Anyone
/// else — a member, the principal of a school without a unit of the directory — has no roll-up (403).
/// </summary>
public sealed record DepartmentScope(bool Officer, IReadOnlySet<string>? Codes)
{
    private static readonly UnitKind[] Overseeing = [UnitKind.Department, UnitKind.DepartmentOffice, UnitKind.DistrictOffice, UnitKind.Commune];

    /// <summary>Every unit (admin): <see cref="Codes"/> is null.</summary>
    public bool All => Codes is null;

    public bool Allows(string code) => Codes is null || Codes.Contains(code);

    /// <summary>The caller's scope in their own tenant; null when they oversee no unit and stand for none.</summary>
    public static async Task<DepartmentScope?> ForAsync(TabCaller caller, IStateStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if ((caller.Roles & MemberRoles.Admin) != 0) return new DepartmentScope(true, null);
        if (UnitStores.TryFor(store) is not { } units) return null;
        var mine = (await units.ListByPersonAsync(caller.TenantId, caller.AadObjectId, ct).ConfigureAwait(false)).ToList();
        if (caller.Upn is { Length: > 0 } upn) mine.AddRange(await units.ListByPersonAsync(caller.TenantId, upn, ct).ConfigureAwait(false));
        if (mine.Count == 0) return null;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var officer = false;
        foreach (var unit in mine.DistinctBy(u => u.Code))
        {
            if (!Overseeing.Contains(unit.Kind)) { codes.Add(unit.Code); continue; }
            officer = true;
            var root = unit;
            if (unit.Kind == UnitKind.DepartmentOffice && unit.ParentCode is { } p
                && await units.GetAsync(caller.TenantId, p, ct).ConfigureAwait(false) is { Kind: UnitKind.Department } so) root = so;
            foreach (var below in await units.ListUnderAsync(caller.TenantId, root.Code, [], ct).ConfigureAwait(false)) codes.Add(below.Code);
        }
        return new DepartmentScope(officer, codes);
    }
}
