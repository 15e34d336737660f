namespace Edge.Inference;

/// <summary>An ONNX Runtime call failed: carries ORT's own status code and message unchanged.</summary>
public sealed class OrtException : Exception
{
    public OrtException(OrtErrorCode errorCode, string message)
        : base($"ONNX Runtime {errorCode}: {message}")
    {
        ErrorCode = errorCode;
        OrtMessage = message;
    }

    public OrtException()
        : this(OrtErrorCode.Fail, "unknown error")
    {
    }

    public OrtException(string message)
        : this(OrtErrorCode.Fail, message)
    {
    }

    public OrtException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OrtErrorCode.Fail;
        OrtMessage = message;
    }

    /// <summary>ORT's status code.</summary>
    public OrtErrorCode ErrorCode { get; }

    /// <summary>ORT's message, without our prefix.</summary>
    public string OrtMessage { get; }
}
