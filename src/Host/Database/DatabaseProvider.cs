namespace ApprovalHub.Host.Database;

/// <summary>The databases ApprovalHub runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, and several nodes sharing one database.</summary>
    Postgres,
}
