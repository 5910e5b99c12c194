public enum BriefgenVersion {
    public static let string = "0.1.0"
}
