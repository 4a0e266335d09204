using System.Text;

namespace OktaSimulator.Http;

/// <summary>
/// A small subset of Okta's filter/search language: <c>attr eq "v"</c>, <c>attr sw "v"</c>, <c>attr co "v"</c>,
/// joined by <c>and</c>/<c>or</c> (and binds tighter) with parentheses. String comparisons ignore case,
/// as Okta's search does.
/// </summary>
internal abstract record SearchExpression
{
    public abstract bool Matches(Func<string, string?> attribute);

    private static readonly HashSet<string> AllOperators = new(StringComparer.Ordinal) { "eq", "sw", "co" };

    public static SearchExpression Parse(string text, IReadOnlySet<string> attributes) => Parse(text, attributes, AllOperators);

    /// <summary>Parses an expression that may only use the given attributes and operators (some lists only take <c>eq</c>).</summary>
    public static SearchExpression Parse(string text, IReadOnlySet<string> attributes, IReadOnlySet<string> operators)
    {
        var parser = new Parser(Tokenize(text), attributes, operators);
        var expression = parser.ParseOr();
        if (!parser.AtEnd)
        {
            throw new OktaErrorException(OktaError.InvalidSearch($"Unexpected '{parser.Peek}' in '{text}'."));
        }

        return expression;
    }

    private sealed record Comparison(string Attribute, string Operator, string Value) : SearchExpression
    {
        public override bool Matches(Func<string, string?> attribute)
        {
            var actual = attribute(Attribute);
            if (actual is null)
            {
                return false;
            }

            return Operator switch
            {
                "eq" => string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase),
                "sw" => actual.StartsWith(Value, StringComparison.OrdinalIgnoreCase),
                "co" => actual.Contains(Value, StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }
    }

    private sealed record And(SearchExpression Left, SearchExpression Right) : SearchExpression
    {
        public override bool Matches(Func<string, string?> attribute) => Left.Matches(attribute) && Right.Matches(attribute);
    }

    private sealed record Or(SearchExpression Left, SearchExpression Right) : SearchExpression
    {
        public override bool Matches(Func<string, string?> attribute) => Left.Matches(attribute) || Right.Matches(attribute);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c == '"')
            {
                var value = new StringBuilder("\"");
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    throw new OktaErrorException(OktaError.InvalidSearch($"Unterminated string in '{text}'."));
                }

                i++;
                tokens.Add(value.ToString());
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens, IReadOnlySet<string> attributes, IReadOnlySet<string> operators)
    {
        private int _position;

        public bool AtEnd => _position >= tokens.Count;
        public string Peek => AtEnd ? "<end>" : tokens[_position];

        public SearchExpression ParseOr()
        {
            var left = ParseAnd();
            while (!AtEnd && Peek.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                _position++;
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        private SearchExpression ParseAnd()
        {
            var left = ParseTerm();
            while (!AtEnd && Peek.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                _position++;
                left = new And(left, ParseTerm());
            }

            return left;
        }

        private SearchExpression ParseTerm()
        {
            if (Peek == "(")
            {
                _position++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            var attribute = Take();
            if (!attributes.Contains(attribute))
            {
                throw new OktaErrorException(OktaError.InvalidSearch($"Unsupported attribute '{attribute}'."));
            }

            var op = Take().ToLowerInvariant();
            if (!operators.Contains(op))
            {
                throw new OktaErrorException(OktaError.InvalidSearch($"Unsupported operator '{op}'."));
            }

            var value = Take();
            if (!value.StartsWith('"'))
            {
                throw new OktaErrorException(OktaError.InvalidSearch($"Expected a quoted value after '{attribute} {op}'."));
            }

            return new Comparison(attribute, op, value[1..]);
        }

        private string Take()
        {
            if (AtEnd)
            {
                throw new OktaErrorException(OktaError.InvalidSearch("The expression ends too early."));
            }

            return tokens[_position++];
        }

        private void Expect(string token)
        {
            if (Take() != token)
            {
                throw new OktaErrorException(OktaError.InvalidSearch($"Expected '{token}'."));
            }
        }
    }
}
