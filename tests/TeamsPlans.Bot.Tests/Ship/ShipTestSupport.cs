using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsPlans.Bot.Tests.Ship;

internal static class ShipPaths
{
    /// <summary>The repository's appPackage/ folder, found by walking up from the test binaries.</summary>
    public static string AppPackage()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appPackage");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new InvalidOperationException("appPackage/manifest.json not found above " + AppContext.BaseDirectory);
    }

    public static string TempDir(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;
}

/// <summary>A PNG read independently of the product's reader: IHDR fields, and RGBA pixels for 8-bit RGB/RGBA non-interlaced.</summary>
internal sealed record TestPng(int Width, int Height, byte BitDepth, byte ColorType, byte[] Rgba)
{
    public static TestPng Read(byte[] data)
    {
        Assert.True(data.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(data, 12, 4));
        var width = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20));
        byte depth = data[24], colorType = data[25];
        Assert.Equal(0, data[28]); // not interlaced
        var idat = new MemoryStream();
        for (var pos = 8; pos + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            if (type == "IDAT") idat.Write(data, pos + 8, length);
            if (type == "IEND") break;
            pos += 12 + length;
        }
        var channels = colorType switch { 6 => 4, 2 => 3, _ => throw new InvalidDataException($"colour type {colorType} not handled by the test reader") };
        Assert.Equal(8, depth);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        using (var z = new ZLibStream(new MemoryStream(idat.ToArray()), CompressionMode.Decompress)) z.ReadExactly(raw);
        var rgba = new byte[width * height * 4];
        var prev = new byte[stride];
        var cur = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Buffer.BlockCopy(raw, y * (stride + 1) + 1, cur, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                cur[i] += (byte)(filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                    _ => throw new InvalidDataException("filter " + filter),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                for (var k = 0; k < 3; k++) rgba[o + k] = cur[x * channels + k];
                rgba[o + 3] = channels == 4 ? cur[x * channels + 3] : (byte)255;
            }
            (prev, cur) = (cur, prev);
        }
        return new TestPng(width, height, depth, colorType, rgba);
    }

    /// <summary>Writes an 8-bit RGBA PNG (filter 0) with every pixel from <paramref name="pixel"/>(x, y).</summary>
    public static byte[] Write(int width, int height, Func<int, int, (byte R, byte G, byte B, byte A)> pixel)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                raw.Write([r, g, b, a]);
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 6;
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        s.Write(head);
        s.Write(data);
        var crcInput = head.AsSpan(4).ToArray().Concat(data).ToArray();
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(crcInput));
        s.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
