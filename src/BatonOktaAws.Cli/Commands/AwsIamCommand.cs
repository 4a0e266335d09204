using System.CommandLine;
using BatonOktaAws.Cli.Help;

namespace BatonOktaAws.Cli.Commands;

/// <summary><c>baton-okta-aws aws-iam</c>: the AWS side of the review, from IAM's own exports (see docs/aws-iam.md).</summary>
internal sealed class AwsIamCommand : Command, IDocumentedCommand
{
    public AwsIamCommand(CliEnvironment env)
        : base("aws-iam", "The AWS side of the review, from IAM's own exports (get-account-authorization-details, get-credential-report); never calls AWS.")
    {
        Import = new AwsIamImportCommand(env);
        Add(Import);
    }

    internal AwsIamImportCommand Import { get; }

    public IReadOnlyList<HelpExample> Examples { get; } =
    [
        new("Attach exports to the latest sync of a file", "baton-okta-aws aws-iam import --file aws.db exports/"),
    ];

    public IReadOnlyList<int> ExitCodes { get; } = [ExitCode.Success, ExitCode.Failure, ExitCode.UsageError];
}
