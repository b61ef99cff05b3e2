using System.Text;
using ApprovalHub.Supervision.Iot;
using ApprovalHub.Supervision.Iot.Messages;

namespace ApprovalHub.Supervision.Tests.Alarms;

/// <summary>Topics, message schemas (version 1) and device secrets.</summary>
public sealed class DeviceMessageTests
{
    [Theory]
    [InlineData("ah/v1/devices/311033001202000010/telemetry", true, IotMessageKind.Telemetry)]
    [InlineData("ah/v1/devices/311033001202000010/events", true, IotMessageKind.Event)]
    [InlineData("ah/v1/devices/311033001202000010/other", false, IotMessageKind.Telemetry)]
    [InlineData("ah/v1/devices/311033001202000010/events/extra", false, IotMessageKind.Telemetry)]
    [InlineData("ah/v1/devices/3110330012020000x0/events", false, IotMessageKind.Telemetry)]
    [InlineData("ah/v1/devices/../events", false, IotMessageKind.Telemetry)]
    [InlineData("ah/v2/devices/311033001202000010/events", false, IotMessageKind.Telemetry)]
    public void Only_device_topics_with_a_canonical_code_parse(string topic, bool ok, IotMessageKind kind)
    {
        Assert.Equal(ok, IotTopics.TryParse(topic, out var code, out var parsed));
        if (ok)
        {
            Assert.Equal(("311033001202000010", kind), (code, parsed));
        }
    }

    [Fact]
    public void A_version_1_event_parses_and_its_state_is_read()
    {
        Assert.True(IotMessageParser.TryParseEvent(Bytes("{\"v\":1,\"id\":\"e-1\",\"ts\":\"2026-11-26T08:00:00+08:00\",\"code\":\"11\",\"floor\":7,\"state\":\"cleared\"}"), out var message, out var error), error);
        Assert.Equal(("e-1", "11", 7), (message.Id, message.Code, message.Floor));
        Assert.True(IotMessageParser.IsCleared(message));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"v\":2,\"id\":\"e\",\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"11\"}")]
    [InlineData("{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"11\"}")]
    [InlineData("{\"v\":1,\"id\":\"e\",\"code\":\"11\"}")]
    [InlineData("{\"v\":1,\"id\":\"e\",\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"困人\"}")]
    [InlineData("{\"v\":1,\"id\":\"e\",\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"11\",\"state\":\"over\"}")]
    [InlineData("{\"v\":1,\"id\":\"e\",\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"11\",\"extra\":1}")]
    [InlineData("{\"v\":\"1\",\"id\":\"e\",\"ts\":\"2026-11-26T08:00:00Z\",\"code\":\"11\"}")]
    public void Malformed_events_are_refused_with_a_reason(string payload)
    {
        Assert.False(IotMessageParser.TryParseEvent(Bytes(payload), out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Telemetry_of_each_category_parses_and_values_out_of_range_are_refused()
    {
        Assert.True(IotMessageParser.TryParseTelemetry(Bytes(
            "{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"floor\":3,\"direction\":1,\"doorClosed\":true,\"speed\":1.5,\"runCount\":1200,\"load\":40,\"peoplePresent\":true,\"serviceMode\":1}"), out var lift, out var error), error);
        Assert.Equal((3, 1.5), (lift.Floor, lift.Speed));
        Assert.True(IotMessageParser.TryParseTelemetry(Bytes("{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"pressure\":1.2,\"temperature\":180,\"waterLevel\":-20}"), out _, out error), error);
        Assert.True(IotMessageParser.TryParseTelemetry(Bytes("{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"load\":12.5,\"ratedLoad\":16,\"windSpeed\":9.1,\"limitSwitches\":{\"hoistHeight\":false}}"), out _, out error), error);
        Assert.False(IotMessageParser.TryParseTelemetry(Bytes("{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"speed\":-1}"), out _, out _));
        Assert.False(IotMessageParser.TryParseTelemetry(Bytes("{\"v\":1,\"ts\":\"2026-11-26T08:00:00Z\",\"serviceMode\":9}"), out _, out _));
        Assert.False(IotMessageParser.TryParseTelemetry(Bytes("{\"v\":1,\"floor\":1}"), out _, out _));
    }

    [Fact]
    public void A_secret_verifies_against_its_mosquitto_style_hash_and_nothing_else_does()
    {
        var secret = DeviceSecrets.NewSecret();
        var hash = DeviceSecrets.Hash(secret);
        Assert.StartsWith("$7$101$", hash, StringComparison.Ordinal);
        Assert.True(DeviceSecrets.Verify(secret, hash));
        Assert.False(DeviceSecrets.Verify(secret + "x", hash));
        Assert.False(DeviceSecrets.Verify(secret, DeviceSecrets.Hash(DeviceSecrets.NewSecret())));
        Assert.False(DeviceSecrets.Verify(secret, "$6$abc$def"));
        Assert.False(DeviceSecrets.Verify(secret, "$7$101$not base64$!!"));
        Assert.False(DeviceSecrets.Verify(null, hash));
        Assert.NotEqual(hash, DeviceSecrets.Hash(secret));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
