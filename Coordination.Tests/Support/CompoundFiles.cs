using System.Buffers.Binary;
using System.Text;

namespace Coordination.Tests.Support;

/// <summary>
/// Minimal OLE compound files (MS-CFB, version 3: a header, one FAT sector, one directory sector) with empty streams
/// of the given names: the container of an old .xls ("Workbook") and of a password-protected .xlsx ("EncryptionInfo",
/// "EncryptedPackage"). Enough for a reader that must tell the two apart without a password.
/// </summary>
public static class CompoundFiles
{
    public static byte[] PasswordProtectedXlsx() => Make("EncryptionInfo", "EncryptedPackage");

    public static byte[] Xls() => Make("Workbook", "\u0005SummaryInformation");

    private static byte[] Make(params string[] streams)
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // FAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // first directory sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], 0xFFFFFFFE);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0u : 0xFFFFFFFF);
        }
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);
        var directory = file.AsSpan(1024, 512);
        Entry(directory[..128], "Root Entry", 5, child: 1);
        for (var i = 0; i < streams.Length; i++)
        {
            Entry(directory[(128 * (i + 1))..(128 * (i + 2))], streams[i], 2, child: uint.MaxValue, right: i + 1 < streams.Length ? (uint)(i + 2) : uint.MaxValue);
        }
        return file;
    }

    private static void Entry(Span<byte> entry, string name, byte type, uint child, uint right = uint.MaxValue)
    {
        var bytes = Encoding.Unicode.GetBytes(name);
        bytes.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(bytes.Length + 2));
        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], 0xFFFFFFFE);
    }
}
