using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Supervision.Persistence.Configurations;

// Tables the service-task handlers (issue #7) write besides the registry's own.

internal sealed class HandlerEffectConfiguration : IEntityTypeConfiguration<HandlerEffect>
{
    public void Configure(EntityTypeBuilder<HandlerEffect> builder)
    {
        builder.ToTable("reg_handler_effects");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ElementId).HasMaxLength(200);
        builder.Property(e => e.HandlerType).HasMaxLength(100);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(300);

        // The guard against doing one run twice: a concurrent second insert fails here and rolls
        // its whole transaction back, effect included.
        builder.HasIndex(e => new { e.InstanceId, e.ElementId, e.Run }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("reg_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.ProcessKey).HasMaxLength(200);
        builder.Property(n => n.ElementId).HasMaxLength(200);
        builder.Property(n => n.RecipientUser).HasMaxLength(256);
        builder.Property(n => n.RecipientGroup).HasMaxLength(64);
        builder.Property(n => n.RegionCode).HasMaxLength(12);
        builder.Property(n => n.RecipientContact).HasMaxLength(32);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Decision).HasMaxLength(20);
        builder.Property(n => n.Comment).HasMaxLength(2000);
        builder.Property(n => n.EquipmentCode).HasMaxLength(20);

        // "Mine, newest first" is three keyset scans merged: by user, by organisation, by group.
        builder.HasIndex(n => new { n.RecipientUser, n.Id });
        builder.HasIndex(n => new { n.RecipientOrganisationId, n.Id });
        builder.HasIndex(n => new { n.RecipientGroup, n.Id });
        builder.HasIndex(n => n.InstanceId);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<Persistence.NumberSequence>
{
    public void Configure(EntityTypeBuilder<Persistence.NumberSequence> builder)
    {
        builder.ToTable("reg_number_sequences");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
    }
}

internal sealed class SafetyStaffConfiguration : IEntityTypeConfiguration<SafetyStaffMember>
{
    public void Configure(EntityTypeBuilder<SafetyStaffMember> builder)
    {
        builder.ToTable("reg_safety_staff");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(60);
        builder.Property(s => s.CategoryCode).HasMaxLength(4);
        builder.Property(s => s.CertificateNumber).HasMaxLength(40);
        builder.HasIndex(s => s.OrganisationId);
    }
}

internal sealed class MaintenanceContractConfiguration : IEntityTypeConfiguration<MaintenanceContract>
{
    public void Configure(EntityTypeBuilder<MaintenanceContract> builder)
    {
        builder.ToTable("reg_maintenance_contracts");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.DeviceId);
        builder.HasIndex(c => c.MaintenanceOrganisationId);
    }
}

internal sealed class ConstructionNoticeConfiguration : IEntityTypeConfiguration<ConstructionNotice>
{
    public void Configure(EntityTypeBuilder<ConstructionNotice> builder)
    {
        builder.ToTable("reg_construction_notices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Number).HasMaxLength(20);
        builder.Property(n => n.EquipmentCode).HasMaxLength(20);
        builder.Property(n => n.LicenceNumber).HasMaxLength(40);
        builder.Property(n => n.RegionCode).HasMaxLength(12);
        builder.HasIndex(n => n.Number).IsUnique();
        builder.HasIndex(n => n.EquipmentCode);
    }
}
