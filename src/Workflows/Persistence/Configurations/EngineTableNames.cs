using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

/// <summary>
/// Naming of the engine's tables: <c>wf_</c> tables with snake_case columns, so that operators can
/// query them in <c>psql</c> without quoting every identifier.
/// </summary>
internal static class EngineTableNames
{
    /// <summary>Maps the entity to <paramref name="table"/>; call it last, once every property (shadow ones too) exists.</summary>
    public static void ToEngineTable<TEntity>(this EntityTypeBuilder<TEntity> builder, string table)
        where TEntity : class
    {
        builder.ToTable(table);
        foreach (var property in builder.Metadata.GetDeclaredProperties())
        {
            property.SetColumnName(SnakeCase(property.Name));
        }
    }

    /// <summary><c>LockExpiresAt</c> → <c>lock_expires_at</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }
}
