using System.Buffers.Binary;
using System.IO.Compression;

namespace TeamsPlans.Bot.Cli;

/// <summary>
/// Minimal PNG reader: IHDR for any PNG; pixels (as RGBA8) for non-interlaced 8-bit RGB/RGBA, enough to check the outline icon's
/// colours. Other formats give <see cref="Pixels"/> = null.
/// </summary>
internal sealed class PngImage
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public int Width { get; private init; }
    public int Height { get; private init; }
    public byte BitDepth { get; private init; }
    public byte ColorType { get; private init; }
    public bool HasAlpha { get; private init; }
    public byte[]? Pixels { get; private init; }

    public static PngImage Read(byte[] data)
    {
        if (data.Length < 33 || !data.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("missing PNG signature");
        if (!data.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new InvalidDataException("first chunk is not IHDR");
        var width = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20));
        byte depth = data[24], colorType = data[25], interlace = data[28];
        if (width <= 0 || height <= 0) throw new InvalidDataException("invalid dimensions");

        var idat = new MemoryStream();
        var hasTrns = false;
        for (var pos = 8; pos + 12 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(pos));
            if (length < 0 || pos + 12 + length > data.Length) throw new InvalidDataException("truncated chunk");
            var type = data.AsSpan(pos + 4, 4);
            if (type.SequenceEqual("IDAT"u8)) idat.Write(data, pos + 8, length);
            else if (type.SequenceEqual("tRNS"u8)) hasTrns = true;
            else if (type.SequenceEqual("IEND"u8)) break;
            pos += 12 + length;
        }

        var channels = colorType switch { 6 => 4, 2 => 3, _ => 0 };
        byte[]? pixels = null;
        if (channels > 0 && depth == 8 && interlace == 0)
            pixels = Decode(idat.ToArray(), width, height, channels);
        return new PngImage
        {
            Width = width, Height = height, BitDepth = depth, ColorType = colorType,
            HasAlpha = colorType is 4 or 6 || hasTrns, Pixels = pixels,
        };
    }

    private static byte[] Decode(byte[] compressed, int width, int height, int channels)
    {
        using var z = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        var read = 0;
        while (read < raw.Length)
        {
            var n = z.Read(raw, read, raw.Length - read);
            if (n == 0) throw new InvalidDataException("image data too short");
            read += n;
        }
        var current = new byte[stride];
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, y * (stride + 1) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[x * channels + 1];
                rgba[o + 2] = current[x * channels + 2];
                rgba[o + 3] = channels == 4 ? current[x * channels + 3] : (byte)255;
            }
            (previous, current) = (current, previous);
        }
        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
