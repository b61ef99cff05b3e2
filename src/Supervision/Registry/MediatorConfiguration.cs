using Mediator;
using Microsoft.Extensions.DependencyInjection;

// Handlers read through the request's DbContext, so they live as long as the DI scope. The
// generator reads this attribute at compile time; the host then calls services.AddMediator().
[assembly: MediatorOptions(ServiceLifetime = ServiceLifetime.Scoped)]
