using BatonOktaAws.Store.Model;

namespace BatonOktaAws.Store.Tests;

public sealed class WrittenUsersTests
{
    /// <summary>
    /// Every value of the record is one the upsert writes, so a change in any must change the digest, or a changed
    /// user would be taken for a repeat and not written (this catches a property added to the record but not to the digest).
    /// </summary>
    [Fact]
    public void Digest_AnyValueOfTheRecordChanged_Differs()
    {
        var constructor = Assert.Single(typeof(UserRecord).GetConstructors(), c => c.GetParameters().Length > 1);
        var values = constructor.GetParameters().Select(p => (object?)$"{p.Name}-value").ToArray();
        var digest = WrittenUsers.Digest((UserRecord)constructor.Invoke(values));

        for (var i = 0; i < values.Length; i++)
        {
            foreach (var other in new object?[] { values[i] + "x", null, string.Empty })
            {
                if (i == 0 && other is null)
                {
                    continue; // The id is never null.
                }

                var changed = (object?[])values.Clone();
                changed[i] = other;

                Assert.NotEqual(digest, WrittenUsers.Digest((UserRecord)constructor.Invoke(changed)));
            }
        }

        Assert.Equal(digest, WrittenUsers.Digest((UserRecord)constructor.Invoke((object?[])values.Clone())));
    }

    [Fact]
    public void Digest_ValuesShiftedBetweenNeighbours_Differs()
    {
        var user = new UserRecord("00u1", "ab", "c", null, null, null);

        Assert.NotEqual(WrittenUsers.Digest(user), WrittenUsers.Digest(user with { DisplayName = "a", Login = "bc" }));
        Assert.NotEqual(WrittenUsers.Digest(user with { Email = "" }), WrittenUsers.Digest(user));
    }
}
