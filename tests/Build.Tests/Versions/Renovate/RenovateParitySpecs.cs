using System.Text.Json;

namespace GitOpsRunners.Tests.Versions.Renovate;

/// <summary>
/// The real Renovate, run on a scratch copy of this repository with its committed <c>renovate.json</c>,
/// sees the pins that <c>Versions</c> lists for the first stage and would open the updates that
/// <c>Bump --dry-run</c> plans, against the same registries.
/// </summary>
public sealed class RenovateParitySpecs(RenovateWorld world) : IClassFixture<RenovateWorld>
{
    [RenovateFact]
    public async Task Renovate_extracts_exactly_the_first_stage_pins_that_Versions_lists()
    {
        // Arrange: Versions' first-stage pins, one entry per source line (both ARC charts read one variable).
        var expected = world
            .FirstStagePins()
            .GroupBy(p => (RenovateWorld.Text(p, "file"), RenovateWorld.Text(p, "variable")))
            .ToDictionary(g => g.Key, g => g.ToList());

        // Act
        var dependencies = RenovateWorld.Dependencies(await world.ExtractionAsync());

        // Assert
        dependencies
            .Select(d => (d.File, d.Variable))
            .Should()
            .BeEquivalentTo(expected.Keys, "Renovate sees one dependency per first-stage pin line and nothing else");
        foreach (var dependency in dependencies)
        {
            var pins = expected[(dependency.File, dependency.Variable)];
            var pin = pins[0];
            var kind = RenovateWorld.Text(pin, "kind");
            var because = $"{dependency.File} {dependency.Variable} is pinned as {pin.GetRawText()}";
            dependency.CurrentValue.Should().Be(RenovateWorld.Text(pin, "version"), because);
            dependency.CurrentDigest.Should().Be(RenovateWorld.Optional(pin, "digest"), because);
            dependency.Datasource.Should().Be(kind == "helm-http" ? "helm" : "docker", because);
            if (kind == "helm-http")
            {
                dependency.DepName.Should().Be(RenovateWorld.Text(pin, "component"), because);
                dependency.Registry.Should().Be(RenovateWorld.Text(pin, "source").TrimEnd('/'), because);
            }
            else
            {
                dependency.DepName.Should().BeOneOf(pins.Select(RenovateWorld.OciName), because);
                dependency.Registry.Should().BeNull(because);
            }
        }
    }

    [RenovateFact]
    public async Task Renovate_extracts_nothing_from_the_files_that_pin_later_stages()
    {
        // Arrange
        var laterFiles = world
            .Pins()
            .Where(p => RenovateWorld.Text(p, "cluster") != world.FirstStage)
            .Select(p => RenovateWorld.Text(p, "file"))
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var dependencies = RenovateWorld.Dependencies(await world.ExtractionAsync());

        // Assert
        laterFiles.Should().NotBeEmpty("the repository has a later stage whose pins Renovate must leave alone");
        dependencies.Select(d => d.File).Should().NotIntersectWith(laterFiles);
    }

    [RenovateFact]
    public async Task Renovate_would_open_the_same_updates_as_Bump_plans()
    {
        // Arrange
        var plan = await world.BumpPlanAsync();

        // Act
        var updates = RenovateWorld.Updates(await world.LookupAsync());

        // Assert
        var renovate = updates
            .GroupBy(u => u.Branch)
            .Select(b => b.Select(u => $"{u.File} {u.Variable}={u.Text} ({u.UpdateType})").Distinct().Order().ToList())
            .OrderBy(b => b[0], StringComparer.Ordinal)
            .ToList();
        var bump = plan
            .RootElement.GetProperty("groups")
            .EnumerateArray()
            .Select(g =>
                g.GetProperty("changes")
                    .EnumerateArray()
                    .Select(c =>
                        $"{RenovateWorld.Text(c, "file")} {RenovateWorld.Text(c, "variable")}={RenovateWorld.Text(c, "text")} ({RenovateWorld.Text(c, "update")})"
                    )
                    .Distinct()
                    .Order()
                    .ToList()
            )
            .OrderBy(b => b[0], StringComparer.Ordinal)
            .ToList();
        bump.Should().NotBeEmpty("the registries were seeded with newer versions of every pin");
        renovate.Should().BeEquivalentTo(bump, options => options.WithStrictOrdering());
    }

    [RenovateFact]
    public async Task Renovate_moves_both_ARC_charts_in_one_update_and_the_runner_image_as_tag_and_digest_without_majors()
    {
        // Arrange
        var pins = world.FirstStagePins();
        var arcVariable = pins.Where(p => RenovateWorld.Optional(p, "group") == "arc")
            .Select(p => RenovateWorld.Text(p, "variable"))
            .Distinct()
            .Single();
        var runner = pins.Single(p => RenovateWorld.Optional(p, "digest") is not null);

        // Act
        var updates = RenovateWorld.Updates(await world.LookupAsync());

        // Assert
        updates
            .Should()
            .NotContain(u => u.UpdateType == "major", "neither Bump's default policy nor renovate.json allows majors");
        updates
            .Where(u => u.Variable == arcVariable)
            .Should()
            .ContainSingle("the ARC charts share one variable and move in one update");
        var image = updates
            .Where(u => u.Variable == RenovateWorld.Text(runner, "variable"))
            .Should()
            .ContainSingle()
            .Subject;
        image.Text.Should().MatchRegex(@"^\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$");
        image
            .Text.Should()
            .NotStartWith(
                RenovateWorld.Text(runner, "version") + "@",
                "a newer tag beats a new digest of the current one"
            );
    }
}
