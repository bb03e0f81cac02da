namespace FakeCustomerIo.Data;

/// <summary>Small vocabularies for realistic-looking text.</summary>
internal static class Words
{
    public static readonly string[] FirstNames =
    [
        "ana", "ben", "chloe", "david", "elena", "farid", "grace", "hiro", "ines", "jonas", "kemi", "liam", "maya",
        "nils", "olga", "pedro", "quinn", "rosa", "sami", "tara", "uma", "victor", "wen", "ximena", "yusuf", "zoe",
    ];

    public static readonly string[] LastNames =
    [
        "silva", "smith", "nguyen", "garcia", "muller", "rossi", "kowalski", "tanaka", "okafor", "jensen", "dubois",
        "haddad", "novak", "olsen", "patel", "reyes", "schmidt", "tran", "walker", "yilmaz",
    ];

    public static readonly string[] EmailDomains = ["example.com", "example.org", "mail.example.net", "corp.example"];

    public static readonly string[] Cities = ["Lisbon", "Austin", "Berlin", "Osaka", "Lagos", "Toronto", "Lyon", "Pune"];

    public static readonly string[] Countries = ["PT", "US", "DE", "JP", "NG", "CA", "FR", "IN"];

    public static readonly string[] Plans = ["free", "starter", "pro", "enterprise"];

    public static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark"];

    public static readonly string[] Products = ["Onboarding", "Renewal", "Win-back", "Weekly digest", "Trial", "Launch"];

    public static readonly string[] Subjects =
    [
        "Welcome aboard!", "Your trial ends soon", "We miss you", "Your weekly digest", "New: faster exports",
        "Receipt for your order", "Action required: confirm your email", "Tips to get started",
    ];

    public static readonly string[] Events = ["signed_up", "purchase", "added_to_cart", "viewed_product", "completed_onboarding"];

    public static readonly string[] Pages = ["/", "/pricing", "/docs", "/blog/launch", "/account/billing", "/signup"];

    public static readonly string[] Tags = ["lifecycle", "marketing", "product", "billing", "beta", "growth"];

    /// <summary>Non-ASCII sentences (Latin accents, Greek, Cyrillic, CJK, emoji) for the large-record scales.</summary>
    public static readonly string[] Sentences =
    [
        "Café in Zürich, Straße 5 – naïve façade", "São Paulo: coração, ação, pão", "Москва — Красная площадь",
        "東京都渋谷区、道玄坂一丁目", "Αθήνα, Ακρόπολη και θάλασσα", "Łódź, Kraków i Gdańsk – żółć", "서울 강남구 테헤란로",
        "Ελλάδα ☀️ and 🎉 party", "Crème brûlée à la française", "İstanbul’da çay ve simit",
    ];

    public static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
