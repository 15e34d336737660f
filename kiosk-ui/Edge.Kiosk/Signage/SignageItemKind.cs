namespace Edge.Kiosk.Signage;

public enum SignageItemKind
{
    Image,
    Video,
    Html,
}
