using System.Runtime.InteropServices;

namespace Edge.Messaging.Native;

/// <summary>struct mosquitto_message from mosquitto.h: {int mid; char *topic; void *payload; int payloadlen; int qos; bool retain;}.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MosquittoMessage
{
    public int Mid;
    public IntPtr Topic;
    public IntPtr Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}
