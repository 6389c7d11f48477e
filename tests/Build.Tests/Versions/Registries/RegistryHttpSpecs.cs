using System.Net;
using GitOpsRunners.Versions.Registries;

namespace GitOpsRunners.Tests.Versions.Registries;

public sealed class RegistryHttpSpecs
{
    [Fact]
    public void Retry_after_in_seconds_is_honoured_up_to_the_cap()
    {
        // Arrange
        using var soon = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        soon.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
        using var late = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        late.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        // Act
        var cap = TimeSpan.FromSeconds(60);

        // Assert
        RegistryHttp.RetryAfter(soon, cap).Should().Be(TimeSpan.FromSeconds(2));
        RegistryHttp.RetryAfter(late, cap).Should().Be(cap);
        RegistryHttp.RetryAfter(none, cap).Should().BeNull();
        RegistryHttp.RetryAfter(null, cap).Should().BeNull();
    }

    [Fact]
    public void A_retry_after_date_in_the_past_means_retry_now()
    {
        // Arrange
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(
            DateTimeOffset.UtcNow.AddMinutes(-5)
        );

        // Act
        var wait = RegistryHttp.RetryAfter(response, TimeSpan.FromSeconds(60));

        // Assert
        wait.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void The_default_options_try_four_times_with_a_thirty_second_attempt_timeout()
    {
        // Act
        var options = new RegistryHttpOptions();

        // Assert
        options.TotalAttempts.Should().Be(4);
        options.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(30));
    }
}
