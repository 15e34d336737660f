namespace Edge.Contracts.Agent;

/// <summary>Login by phone number (E.164, e.g. +4915112345678; spaces and dashes are ignored) and PIN.</summary>
public sealed record PhoneLoginRequest(string KioskId, string Phone, string Pin);
