namespace ApprovalHub.Host.Demo;

internal static class DemoRegistration
{
    /// <summary>Registers demo mode; call after the database so its initializer runs first.</summary>
    public static IHostApplicationBuilder AddDemoDefinitions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<DefinitionsOptions>()
            .BindConfiguration(DefinitionsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DefinitionsFolder>();
        builder.Services.AddHostedService<DemoDefinitionsSeeder>();
        builder.Services.AddHostedService<DemoUsersSeeder>();
        return builder;
    }
}
