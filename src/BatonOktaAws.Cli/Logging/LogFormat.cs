namespace BatonOktaAws.Cli.Logging;

/// <summary><c>--log-format</c>: readable lines for people, or one JSON object per line for machines.</summary>
internal enum LogFormat
{
    Console,
    Json,
}
