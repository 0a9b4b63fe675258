using Microsoft.Extensions.FileProviders;

namespace OpenLedger.Node.Explorer;

/// <summary>
/// Serves the explorer (src/OpenLedger.Explorer, built by scripts/install.sh into its dist/ folder and copied beside the
/// node's binary as explorer/) at /explorer/, and sends / there. The page reads only this node's query API; every file
/// it loads comes from this folder, nothing from the internet.
/// </summary>
public static class ExplorerPages
{
    public const string Path = "/explorer";

    /// <summary>Where the built bundle is: Explorer:BundleDirectory, else explorer/ beside the node's binary.</summary>
    public static string BundleDirectory(IConfiguration configuration) =>
        configuration["Explorer:BundleDirectory"] is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured)
            : System.IO.Path.Combine(AppContext.BaseDirectory, "explorer");

    public static WebApplication MapExplorer(this WebApplication app)
    {
        var directory = BundleDirectory(app.Configuration);
        var index = System.IO.Path.Combine(directory, "index.html");
        app.MapGet("/", () => Results.Redirect(Path + "/")).ExcludeFromDescription();
        if (!File.Exists(index))
        {
            // A node built without the front end still serves its API; the page says how to build the explorer.
            app.MapGet(Path + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Explorer not built",
                detail: $"the explorer bundle is missing ({index}): run scripts/install.sh, then dotnet build")).ExcludeFromDescription();
            return app;
        }
        // Routing matches /explorer and /explorer/ alike, but the page's relative URLs (style.css) need the slash.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Value == Path) context.Response.Redirect(Path + "/");
            else await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(directory),
            RequestPath = Path,
            // The bundle's names do not change between builds: revalidate rather than serve a stale page after an upgrade.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        // The page itself, at /explorer/: a physical path, not one under the (unused) web root.
        app.MapGet(Path + "/", () => TypedResults.PhysicalFile(index, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
