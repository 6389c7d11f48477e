using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GitOpsRunners.Validation.Schemas;

/// <summary>
/// Flattens NJsonSchema validation errors into <see cref="SchemaViolation"/>s with messages in kubeconform's
/// words (<c>at '/spec/replicas': got string, want integer</c>). Nested allOf/array/additionalProperties errors
/// are reported one by one; a failed oneOf/anyOf is one violation.
/// </summary>
public static class SchemaErrorFormatter
{
    public static IReadOnlyList<SchemaViolation> Format(IEnumerable<ValidationError> errors) =>
        [.. errors.SelectMany(Flatten).DistinctBy(v => (v.Pointer, v.Message))];

    public static IReadOnlyList<string> PathOf(JToken? token)
    {
        var segments = new List<string>();
        for (var current = token; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case JProperty property:
                    segments.Add(property.Name);
                    break;
                case { Parent: JArray array }:
                    segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        segments.Reverse();
        return segments;
    }

    private static IEnumerable<SchemaViolation> Flatten(ValidationError error)
    {
        if (
            error is ChildSchemaValidationError child
            && error.Kind
                is not (
                    ValidationErrorKind.NotOneOf
                    or ValidationErrorKind.NotAnyOf
                    or ValidationErrorKind.ExcludedSchemaValidates
                )
        )
        {
            return child.Errors.SelectMany(pair => pair.Value).SelectMany(Flatten);
        }

        var path = PathOf(error.Token);
        var reported =
            error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed && error.Token is JProperty
                ? new SchemaViolation(path.Take(path.Count - 1).ToList(), "", null).Pointer
                : new SchemaViolation(path, "", null).Pointer;
        return [new SchemaViolation(path, $"at '{reported}': {Describe(error)}", error.Token)];
    }

    private static string Describe(ValidationError error) =>
        error switch
        {
            MultiTypeValidationError multi =>
                $"got {TypeName(error.Token)}, want {string.Join(" or ", multi.Errors.Keys.Select(TypeName))}",
            ChildSchemaValidationError child when AllTypeErrors(child, out var wanted) =>
                $"got {TypeName(error.Token)}, want {wanted}",
            _ => error.Kind switch
            {
                ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                    $"additional property \"{error.Property}\" is not allowed",
                ValidationErrorKind.PropertyRequired => $"missing property '{error.Property}'",
                ValidationErrorKind.NotInEnumeration =>
                    $"value must be one of {string.Join(", ", error.Schema.Enumeration.Select(Json))}",
                ValidationErrorKind.PatternMismatch => $"does not match pattern '{error.Schema.Pattern}'",
                ValidationErrorKind.StringTooLong => $"length must be <= {error.Schema.MaxLength}",
                ValidationErrorKind.StringTooShort => $"length must be >= {error.Schema.MinLength}",
                ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                    $"must be <= {error.Schema.Maximum}",
                ValidationErrorKind.NumberTooSmall => $"must be >= {error.Schema.Minimum}",
                ValidationErrorKind.TooManyItems => $"maximum {error.Schema.MaxItems} items allowed",
                ValidationErrorKind.TooFewItems => $"minimum {error.Schema.MinItems} items required",
                ValidationErrorKind.ItemsNotUnique => "items are not unique",
                ValidationErrorKind.NotOneOf => "oneOf failed: the value must match exactly one schema",
                ValidationErrorKind.NotAnyOf => "anyOf failed: the value matches none of the schemas",
                ValidationErrorKind.ExcludedSchemaValidates =>
                    "not failed: the value must not match the excluded schema",
                var kind when kind.ToString().EndsWith("Expected", StringComparison.Ordinal) && IsTypeError(kind) =>
                    $"got {TypeName(error.Token)}, want {TypeName(kind)}",
                var kind when kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                    $"'{Scalar(error.Token)}' is not valid '{error.Schema.Format ?? kind.ToString()[..^8].ToLowerInvariant()}'",
                var kind => kind.ToString(),
            },
        };

    private static bool AllTypeErrors(ChildSchemaValidationError child, out string wanted)
    {
        var kinds = child.Errors.SelectMany(pair => pair.Value).Select(e => e.Kind).ToList();
        wanted = string.Join(" or ", kinds.Select(TypeName).Distinct());
        return child.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf
            && kinds.Count > 0
            && kinds.All(IsTypeError);
    }

    private static bool IsTypeError(ValidationErrorKind kind) =>
        kind
            is ValidationErrorKind.StringExpected
                or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.NumberExpected
                or ValidationErrorKind.BooleanExpected
                or ValidationErrorKind.ObjectExpected
                or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected;

    private static string TypeName(ValidationErrorKind kind) =>
        kind switch
        {
            ValidationErrorKind.StringExpected => "string",
            ValidationErrorKind.IntegerExpected => "integer",
            ValidationErrorKind.NumberExpected => "number",
            ValidationErrorKind.BooleanExpected => "boolean",
            ValidationErrorKind.ObjectExpected => "object",
            ValidationErrorKind.ArrayExpected => "array",
            ValidationErrorKind.NullExpected => "null",
            _ => kind.ToString(),
        };

    private static string TypeName(JsonObjectType type) => type.ToString().ToLowerInvariant();

    private static string TypeName(JToken? token) =>
        token?.Type switch
        {
            JTokenType.Integer => "integer",
            JTokenType.Float => "number",
            JTokenType.String => "string",
            JTokenType.Boolean => "boolean",
            JTokenType.Object => "object",
            JTokenType.Array => "array",
            JTokenType.Null or null => "null",
            JTokenType.Property => "property",
            var other => other.ToString()!.ToLowerInvariant(),
        };

    private static string Scalar(JToken? token) =>
        token is JValue value ? value.ToString(Newtonsoft.Json.Formatting.None).Trim('"') : TypeName(token);

    private static string Json(object? value) =>
        value is null ? "null" : JToken.FromObject(value).ToString(Newtonsoft.Json.Formatting.None);
}
