using System.ComponentModel;
using System.Globalization;

namespace Pax.GoogleCloud.Configuration.Internal;

/// <summary>
/// Whether a configuration value converts to a property's type the way <c>Microsoft.Extensions.Configuration.Binder</c>
/// converts it (the type's <see cref="TypeConverter"/>, invariant culture), and what form it expects when it does not.
/// </summary>
internal static class ConfigurationValueForms
{
    /// <summary>Whether the binder reads <paramref name="type"/> from one value (a string converter) rather than from keys.</summary>
    public static bool IsValue(Type type) => TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).CanConvertFrom(typeof(string));

    /// <summary>Returns whether <paramref name="value"/> converts to <paramref name="type"/>.</summary>
    public static bool Converts(string value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || (value.Length == 0 && target != type))
        {
            return true;
        }

        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            // What the binder turns into "Failed to convert configuration value at '…'".
            return false;
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like, after "is not": <c>a duration; use hh:mm:ss (such as 06:00:00)</c>.</summary>
    public static string Expected(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(target));
        }

        return Type.GetTypeCode(target) switch
        {
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number (such as 0.9)",
            TypeCode.DateTime => "a date and time (ISO 8601, such as 2026-03-01T00:00:00Z)",
            _ when target == typeof(TimeSpan) => "a duration; use hh:mm:ss (such as 06:00:00) or d.hh:mm:ss",
            _ when target == typeof(DateTimeOffset) => "a date and time (ISO 8601, such as 2026-03-01T00:00:00Z)",
            _ when target == typeof(Uri) => "a URL",
            _ => string.Create(CultureInfo.InvariantCulture, $"a {target.Name}"),
        };
    }
}
