using Coordination.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

public sealed class AuditEndpointsTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    [Fact]
    public void No_endpoint_of_the_app_can_change_or_delete_the_audit_trail()
    {
        var routes = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(routes);

        var writingAudit = routes
            .Where(r => (r.RoutePattern.RawText ?? "").Contains("audit", StringComparison.OrdinalIgnoreCase))
            // A page's endpoint also takes POST, for forms the page declares; the audit page declares none (tested with the page).
            .Where(r => r.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            .Where(r => r.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .Select(r => r.RoutePattern.RawText)
            .ToList();

        Assert.Equal([], writingAudit);
        // The only audit route is the administrators' read-only page.
        Assert.Contains(routes, r => r.RoutePattern.RawText == "/admin/audit");
    }
}
