using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Agent.Games;
using Edge.Agent.Storage;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Agent;
using Edge.Contracts.Cloud;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

/// <summary>
/// The real agent for kiosk-side tests: real broker, real SQLite file, fake clock, a scripted game RNG, every caller's
/// token, kiosk-1 standing in zone "entrance", one offer for p-coffee, and a seed catalog of three products.
/// </summary>
internal sealed class KioskHarness : IAsyncDisposable
{
    public const string KioskToken = "kiosk-token-0001";
    public const string PosToken = "pos-token-0001";
    public const string WearableToken = "wearable-token-0001";
    public const string ProvisioningToken = "provisioning-token-0001";
    public const string KioskId = "kiosk-1";
    public const string Zone = "entrance";
    public const string Phone = "+4712345678";

    private KioskHarness(MosquittoBroker broker, TestAgent agent, BusProbe bus, FakeTimeProvider clock, ScriptedGameRandom random)
    {
        Broker = broker;
        Agent = agent;
        Bus = bus;
        Clock = clock;
        Random = random;
        Kiosk = Client(KioskToken);
        Pos = Client(PosToken);
    }

    public MosquittoBroker Broker { get; }

    public TestAgent Agent { get; }

    public BusProbe Bus { get; }

    public FakeTimeProvider Clock { get; }

    public ScriptedGameRandom Random { get; }

    public HttpClient Kiosk { get; }

    public HttpClient Pos { get; }

    public static AgentApiJsonContext Json => AgentApiJsonContext.Default;

    public static async Task<KioskHarness> StartAsync(IReadOnlyDictionary<string, string>? settings = null, FakeTimeProvider? clock = null)
    {
        var broker = await MosquittoBroker.StartAsync();
        var dir = new TempDirectory("edge-agent-kiosk");
        clock ??= new FakeTimeProvider();
        var random = new ScriptedGameRandom();
        var offers = Catalogs.Write(dir.File("offers.json"), Catalogs.Offer("o-coffee", "COFFEE") with { ProductId = "p-coffee", Interests = null });
        File.WriteAllText(dir.File("products.json"), SeedCatalog);
        var values = new Dictionary<string, string>
        {
            ["EdgeAgent:Api:KioskToken"] = KioskToken,
            ["EdgeAgent:Api:PosToken"] = PosToken,
            ["EdgeAgent:Api:WearableToken"] = WearableToken,
            ["EdgeAgent:Api:ProvisioningToken"] = ProvisioningToken,
            ["EdgeAgent:Login:KioskZones:" + KioskId] = Zone,
            ["EdgeAgent:Offers:CatalogFile"] = offers,
            ["EdgeAgent:Offers:HoldoutShare"] = "0",
            ["EdgeAgent:Offers:ModelTimeout"] = "00:00:05",
            ["EdgeAgent:Products:SeedFile"] = dir.File("products.json"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            values[k] = v;
        }

        var agent = await TestAgent.StartAsync(broker, clock, values, dir, s => s.AddSingleton<IGameRandom>(random));
        var bus = await BusProbe.ConnectAsync(broker);
        return new KioskHarness(broker, agent, bus, clock, random);
    }

    public const string SeedCatalog = """
        { "full": true, "products": [
          { "productId": "p-coffee", "name": "Coffee beans 500 g", "category": "coffee", "brand": "Friele", "price": 89.90, "aisle": "7",
            "specs": { "roast": "medium", "weight": "500 g" }, "onHand": 24, "nearby": [ { "storeId": "s-002", "storeName": "Sentrum", "onHand": 3 } ] },
          { "productId": "p-milk", "name": "Organic milk 1 l", "category": "dairy", "price": 21.50, "aisle": "2", "onHand": 3 },
          { "productId": "p-oat", "name": "Oat milk 1 l", "category": "dairy", "price": 27.00, "aisle": "2", "onHand": 0 }
        ] }
        """;

    public HttpClient Client(string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri(Agent.Url) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A member as the cloud would send them, applied before returning.</summary>
    public async Task AddMemberAsync(long seq, string memberId, string firstName = "Ada", string? phone = null)
    {
        await Bus.PublishDeltaAsync(Support.Members.Upsert(seq, memberId, firstName, phone: phone));
        await Eventually.TrueAsync(() => Agent.Get<Edge.Agent.Members.MemberStore>().Find(memberId) is not null, "member " + memberId + " cached");
    }

    public async Task<LoginResponse> LoginPhoneAsync(string phone = Phone, string pin = Support.Members.Pin, string kioskId = KioskId)
    {
        using var response = await Kiosk.PostAsJsonAsync(AgentRoutes.LoginPhone, new PhoneLoginRequest(kioskId, phone, pin), Json.PhoneLoginRequest);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(Json.LoginResponse))!;
    }

    public static async Task<ApiError> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(Json.ApiError))!;

    /// <summary>Outbox rows (message id, payload body) of a stream, oldest first, straight from the agent's SQLite file.</summary>
    public List<(string MessageId, JsonElement Body)> Outbox(string stream) => Agent.Get<AgentDatabase>().Read(c =>
    {
        using var command = c.Command("SELECT message_id, payload FROM outbox WHERE stream = $1 ORDER BY id;", stream);
        using var reader = command.ExecuteReader();
        var list = new List<(string, JsonElement)>();
        while (reader.Read())
        {
            var envelope = JsonSerializer.Deserialize((byte[])reader[1], CloudJsonContext.Default.OutboxEvent)!;
            list.Add((reader.GetString(0), envelope.Body));
        }

        return list;
    });

    public long Scalar(string sql, params object?[] values) => Agent.Get<AgentDatabase>().Read(c => c.Long(sql, values));

    public string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Kiosk.Dispose();
        Pos.Dispose();
        await Bus.DisposeAsync();
        await Agent.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
