namespace ApprovalHub.Supervision.Persistence;

/// <summary>A bulk writer of one table; <see cref="CompleteAsync"/> finishes it.</summary>
public interface IRowSink : IAsyncDisposable
{
    /// <summary>Finishes the table; rows not completed are discarded on dispose.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>Writes rows of one table in bulk.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public interface IRowSink<in T> : IRowSink
    where T : class
{
    /// <summary>Queues one row.</summary>
    ValueTask WriteAsync(T row, CancellationToken cancellationToken);
}

/// <summary>Opens <see cref="IRowSink{T}"/> writers on the registry database.</summary>
public interface IBulkLoader : IAsyncDisposable
{
    /// <summary>A writer for the table of <typeparamref name="T"/>.</summary>
    Task<IRowSink<T>> OpenAsync<T>(CancellationToken cancellationToken)
        where T : class;

    /// <summary>Makes everything written durable (and, where the provider allows, visible at once).</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
