using System.Net;
using System.Net.Sockets;

namespace OpenLedger.TestSupport;

/// <summary>Free TCP ports on 127.0.0.1, for servers a test starts (or for a port where nothing listens).</summary>
public static class LoopbackPort
{
    /// <summary>A port the system just handed out and released; free unless another process takes it first.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
