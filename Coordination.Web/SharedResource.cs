namespace Coordination.Web;

/// <summary>Marker for the interface's strings: Resources/SharedResource.resx (Chinese) and .en.resx (English).</summary>
public sealed class SharedResource;
