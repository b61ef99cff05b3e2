using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Tests.Equipment;

public class EquipmentLifecycleTests
{
    [Theory]
    [InlineData(EquipmentStatus.UnderConstruction, EquipmentStatus.InUse)]
    [InlineData(EquipmentStatus.InUse, EquipmentStatus.Suspended)]
    [InlineData(EquipmentStatus.Suspended, EquipmentStatus.InUse)]
    [InlineData(EquipmentStatus.InUse, EquipmentStatus.Scrapped)]
    [InlineData(EquipmentStatus.Scrapped, EquipmentStatus.Cancelled)]
    [InlineData(EquipmentStatus.Suspended, EquipmentStatus.Cancelled)]
    public void Legal_moves_change_the_status(EquipmentStatus from, EquipmentStatus to)
    {
        var device = new Device { EquipmentCode = "x", CatalogCode = "3110", RegionCode = "330106001000", Address = "a", Status = from };

        device.MoveTo(to);

        Assert.Equal(to, device.Status);
    }

    [Theory]
    [InlineData(EquipmentStatus.Cancelled, EquipmentStatus.InUse, "注销", "在用")]
    [InlineData(EquipmentStatus.Scrapped, EquipmentStatus.InUse, "报废", "在用")]
    [InlineData(EquipmentStatus.UnderConstruction, EquipmentStatus.Suspended, "在建", "停用")]
    [InlineData(EquipmentStatus.InUse, EquipmentStatus.UnderConstruction, "在用", "在建")]
    [InlineData(EquipmentStatus.InUse, EquipmentStatus.InUse, "在用", "在用")]
    public void Illegal_moves_throw_an_error_naming_both_states(EquipmentStatus from, EquipmentStatus to, string fromName, string toName)
    {
        var device = new Device { EquipmentCode = "x", CatalogCode = "3110", RegionCode = "330106001000", Address = "a", Status = from };

        var error = Assert.Throws<IllegalStatusTransitionException>(() => device.MoveTo(to));

        Assert.Contains($"from {fromName} ({from}) to {toName} ({to})", error.Message);
        Assert.Equal(from, device.Status);
    }

    [Fact]
    public void Cancellation_is_final()
    {
        Assert.Empty(EquipmentLifecycle.AllowedFrom(EquipmentStatus.Cancelled));
        Assert.Contains("none: it is final", new IllegalStatusTransitionException(EquipmentStatus.Cancelled, EquipmentStatus.InUse).Message);
    }
}
