using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Core;

/// <summary>A quarter travels as its key, <c>"2026Q3"</c>, as it is written in URLs and files.</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString(), out var quarter) ? quarter : throw new JsonException("A quarter is written like 2026Q3.");

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
