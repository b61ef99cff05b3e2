using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Seeding;

namespace ApprovalHub.Supervision.Tests.Seeding;

public class ProvinceSeederTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 26);

    [Fact]
    public async Task The_same_plan_yields_the_same_rows()
    {
        var first = await GenerateAsync(2_000, seed: 7);
        var second = await GenerateAsync(2_000, seed: 7);
        var other = await GenerateAsync(2_000, seed: 8);

        Assert.Equal(first.Fingerprint(), second.Fingerprint());
        Assert.NotEqual(first.Fingerprint(), other.Fingerprint());
    }

    [Fact]
    public async Task Generates_a_plausible_province()
    {
        var rows = await GenerateAsync(5_000, seed: 42);
        var devices = rows.Of<Device>();

        Assert.Equal(5_000, devices.Count);
        Assert.Equal(1_000, rows.Of<Organisation>().Count);
        Assert.Equal(2_000, rows.Of<Person>().Count);

        // Lifts are the largest share, then pressure vessels and cranes, as in the national figures.
        var shares = devices.GroupBy(d => d.Category).ToDictionary(g => g.Key, g => g.Count() / 5_000.0);
        Assert.InRange(shares[EquipmentCategory.Lift], 0.43, 0.53);
        Assert.True(shares[EquipmentCategory.PressureVessel] > shares[EquipmentCategory.Crane]);
        Assert.True(shares[EquipmentCategory.Crane] > shares[EquipmentCategory.Boiler]);

        // Every code is valid and unique; rescue codes only on lifts.
        Assert.All(devices, d => Assert.True(EquipmentCode.TryParse(d.EquipmentCode, out _, out var error), error));
        Assert.Equal(devices.Count, devices.Select(d => d.EquipmentCode).Distinct().Count());
        Assert.All(devices.Where(d => d.UseCertificateNumber is not null), d => Assert.True(UseCertificateNumber.TryParse(d.UseCertificateNumber, out _, out var error), error));
        Assert.All(devices.Where(d => d.RescueCode is not null), d => Assert.Equal(EquipmentCategory.Lift, d.Category));
        Assert.Equal(devices.Count(d => d.RescueCode is not null), devices.Where(d => d.RescueCode is not null).Select(d => d.RescueCode).Distinct().Count());
        Assert.All(rows.Of<Organisation>(), o => Assert.True(CreditCode.TryParse(o.CreditCode, out _, out var error), error));
        Assert.Equal(2_000, rows.Of<Person>().Select(p => p.IdNumberFingerprint).Distinct().Count());
        Assert.All(rows.Of<Person>(), p => Assert.Matches("^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$", p.IdNumberMasked));

        // A few percent of the devices in use are overdue (超期未检), most are not.
        var inUse = devices.Where(d => d.Status == EquipmentStatus.InUse).ToList();
        var overdue = inUse.Count(d => InspectionSchedule.IsOverdue(d.InspectionValidUntil, AsOf));
        Assert.InRange(overdue / (double)inUse.Count, 0.01, 0.06);
        Assert.All(devices.Where(d => d.Status == EquipmentStatus.UnderConstruction), d => Assert.Null(d.UseCertificateNumber));
    }

    private static async Task<CapturingLoader> GenerateAsync(int devices, int seed)
    {
        var loader = new CapturingLoader();
        var plan = new SeedPlan { Devices = devices, Seed = seed, AsOf = AsOf, IdNumberPepper = "test" };
        await new ProvinceSeeder(plan, new InspectionRules(), new UseCertificateFormat()).WriteAsync(loader, null, TestContext.Current.CancellationToken);
        return loader;
    }

    private sealed class CapturingLoader : IBulkLoader
    {
        private readonly List<object> _rows = [];

        public List<T> Of<T>() => _rows.OfType<T>().ToList();

        public string Fingerprint() => string.Join('|', Of<Device>().Select(d => $"{d.EquipmentCode},{d.RegionCode},{d.Status},{d.InspectionValidUntil}"))
            + string.Join('|', Of<OperatorCertificate>().Select(c => $"{c.ItemCode},{c.ExpiresOn}"));

        public Task<IRowSink<T>> OpenAsync<T>(CancellationToken cancellationToken)
            where T : class => Task.FromResult<IRowSink<T>>(new Sink<T>(_rows));

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private sealed class Sink<T>(List<object> rows) : IRowSink<T>
            where T : class
        {
            public ValueTask WriteAsync(T row, CancellationToken cancellationToken)
            {
                rows.Add(row);
                return ValueTask.CompletedTask;
            }

            public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
