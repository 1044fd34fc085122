using TeamsPlans.Plans.Model;

namespace TeamsPlans.Storage.Tests;

/// <summary>Plan headers (IStatusReadModel): number, title, status, issuer and issue date without the document, on every provider.</summary>
public abstract partial class StoreContractTests<TProvider>
{
    [Fact]
    public async Task Plan_headers_carry_the_documents_issuer_and_date_by_status_by_key_and_by_citation()
    {
        var (t, unit) = (TestData.Tenant("headers"), TestData.Tenant("unit"));
        await Store.Plans.UpsertAsync(TestData.Plan(t, "h1", "10/KH-THPT", "Một"));
        await Store.Plans.UpsertAsync(TestData.Plan(t, "h2", null, "Hai") with { CreatedAt = TestData.Start.AddDays(1) });
        await Store.Plans.UpsertAsync(TestData.Plan(t, "h3", "30/KH-THPT", "Ba") with { Status = PlanStatus.Draft });
        var cited = TestData.Plan(unit, "u1", "5/KH-TH", "Thực hiện", "678/KH-SGDĐT");
        await Store.Plans.UpsertAsync(cited with { Document = cited.Document with { IssuedOn = null, Issuer = "Trường Tiểu học Số 1" } });
        await Store.Plans.UpsertAsync(TestData.Plan(unit, "u2", "6/KH-TH", "Khác", "1/KH-SGDĐT"));

        var published = await Reads.PlanHeadersAsync(t, PlanStatus.Published);
        Assert.Equal(["h1", "h2"], published.Select(h => h.PlanId).ToArray()); // creation order
        Assert.Equal(new PlanHeader(t, "h1", "10/KH-THPT", "Một", PlanStatus.Published, "Trường THPT Trung Lập", new DateOnly(2024, 1, 15)), published[0]);
        Assert.Null(published[1].Number);

        var byKey = await Reads.PlanHeadersAsync([(t, "h3"), (unit, "u1"), (unit, "h1")]);
        Assert.Equal(PlanStatus.Draft, byKey[(t, "h3")].Status);
        Assert.Equal(("Trường Tiểu học Số 1", (DateOnly?)null), (byKey[(unit, "u1")].Issuer, byKey[(unit, "u1")].IssuedOn));
        Assert.False(byKey.ContainsKey((unit, "h1")));

        var implementing = await Reads.ImplementingPlanHeadersAsync([unit, t], "678/KH-SGDĐT");
        Assert.Equal([(unit, "u1")], implementing.Select(h => (h.TenantId, h.PlanId)).ToArray());
        Assert.Equal(PlanHeader.Of((await Store.Plans.GetAsync(unit, "u1"))!), implementing[0]);
    }
}
