using System.Net.Http.Headers;

namespace BatonOktaAws.Bench;

/// <summary>How many bytes one page of a list is, asked of the simulator directly (after the sync, so it is not counted).</summary>
internal static class PageBytes
{
    public static async Task<long> MeasureAsync(Uri baseAddress, string token, string pathAndQuery)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("SSWS", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).LongLength;
    }
}
