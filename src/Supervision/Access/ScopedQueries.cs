using System.Linq.Expressions;

namespace ApprovalHub.Supervision.Access;

/// <summary>
/// Filters a query to what an <see cref="AccessScope"/> may see, as an expression the database
/// runs (region prefix with <c>LIKE 'prefix%'</c>, organisations with <c>IN (...)</c>), so a
/// scoped list never loads rows it must not show and a scoped lookup of a foreign id finds nothing.
/// </summary>
public static class ScopedQueries
{
    /// <summary>
    /// The rows of <paramref name="source"/> that <paramref name="scope"/> covers: the row's region
    /// lies under the scope's prefix, or one of its organisations is the scope's.
    /// </summary>
    /// <param name="source">The query.</param>
    /// <param name="scope">The caller's scope.</param>
    /// <param name="region">The row's region code.</param>
    /// <param name="organisations">The organisations involved in the row (owner, inspection body, …).</param>
    public static IQueryable<T> WithinScope<T>(
        this IQueryable<T> source,
        AccessScope scope,
        Expression<Func<T, string?>> region,
        params Expression<Func<T, long?>>[] organisations)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Where(scope.Predicate(region, organisations));
    }

    /// <summary>The filter of <see cref="WithinScope{T}"/> as an expression.</summary>
    public static Expression<Func<T, bool>> Predicate<T>(
        this AccessScope scope,
        Expression<Func<T, string?>> region,
        params Expression<Func<T, long?>>[] organisations)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(organisations);
        var row = Expression.Parameter(typeof(T), "row");

        Expression body;
        switch (scope.Kind)
        {
            case ScopeKind.Unrestricted:
                body = Expression.Constant(true);
                break;
            case ScopeKind.Restricted:
                body = Expression.Constant(false);
                if (scope.RegionPrefix is { } prefix)
                {
                    var code = Rebind(region, row);
                    body = Expression.OrElse(body, Expression.AndAlso(
                        Expression.NotEqual(code, Expression.Constant(null, typeof(string))),
                        Expression.Call(code, StartsWith, Expression.Constant(prefix))));
                }

                if (scope.OrganisationIds.Count > 0)
                {
                    // A captured list becomes a query parameter, not a constant, so plans are reused.
                    var ids = new ScopeIds(scope.OrganisationIds.Select(id => (long?)id).ToList());
                    var list = Expression.Property(Expression.Constant(ids), nameof(ScopeIds.Values));
                    foreach (var organisation in organisations)
                    {
                        body = Expression.OrElse(body, Expression.Call(Contains, list, Rebind(organisation, row)));
                    }
                }

                break;
            default:
                // The public sees only public facts, which are never rows of a scoped query.
                body = Expression.Constant(false);
                break;
        }

        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static readonly System.Reflection.MethodInfo StartsWith =
        typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    private static readonly System.Reflection.MethodInfo Contains =
        typeof(Enumerable).GetMethods()
            .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(long?));

    private static Expression Rebind<T, TValue>(Expression<Func<T, TValue>> selector, ParameterExpression row) =>
        new Rebinder(selector.Parameters[0], row).Visit(selector.Body);

    private sealed record ScopeIds(List<long?> Values);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
